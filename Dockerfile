# The image of either service, built from the repository root (the build needs the parent pom and the shared
# modules). docker-compose.yml passes the build arguments; by hand:
#   docker build --build-arg MODULE=producer-service --build-arg PORT=8082 --build-arg PORT_SETTING=PRODUCER_PORT .

# --- build: the Maven wrapper, with the downloaded dependencies in a cache both images' builds share -----------
# Docker's built-in Dockerfile frontend reads this file (no "# syntax=" line, which would pull a frontend image),
# so it builds where no registry is reachable; cache mounts are part of that frontend.
FROM eclipse-temurin:17.0.19_10-jdk-noble AS build
ARG MODULE
WORKDIR /workspace
# The reactor needs every module's pom; of the sources, only the service's and the modules it builds on.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY producer-service/pom.xml producer-service/
COPY dashboard-service/pom.xml dashboard-service/
COPY end-to-end-tests/pom.xml end-to-end-tests/
COPY benchmarks/pom.xml benchmarks/
COPY enrollment-contract/ enrollment-contract/
COPY local-kafka/ local-kafka/
COPY test-kafka/ test-kafka/
COPY ${MODULE}/src/ ${MODULE}/src/
# Tests run in CI, not in the image build. The runnable jar is split into Spring Boot's layers, so a code
# change only replaces the small "application" layer of the image. Compose builds both images at once and both
# use this cache: "locked" lets one build at a time in, so neither sees the Maven download or the libraries the
# other is still writing (the second build then finds them all there).
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -pl "$MODULE" -am -DskipTests package \
 && java -Djarmode=tools -jar "$MODULE"/target/"$MODULE"-*-exec.jar \
      extract --layers --application-filename application.jar --destination /layers

# --- run: a JRE, the layers from the least to the most often changed, a user without privileges -------------
FROM eclipse-temurin:17.0.19_10-jre-noble
# The port the service listens on by default, and the setting that moves it (PRODUCER_PORT, DASHBOARD_PORT).
ARG PORT
ARG PORT_SETTING
# The health check asks the port the service listens on (its setting's value when the container is given one)
# with the curl that the Temurin image ships.
RUN useradd --system --no-create-home --user-group matriculas \
 && printf '#!/bin/sh\nexec curl -fsS -o /dev/null "http://localhost:${%s:-%s}/actuator/health"\n' \
      "$PORT_SETTING" "$PORT" > /usr/local/bin/healthcheck \
 && chmod 755 /usr/local/bin/healthcheck
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Class data sharing (Spring Boot's reference, "Class Data Sharing"): a training run starts the service until its
# context is refreshed, then the JVM writes the classes it loaded to application.jsa, which every start maps
# instead of loading and checking them again: about half the time to the first answer (StartUpBenchmark). No
# broker is reachable while the image is built: the admin client is told not to look for one, and the dashboard's
# partition count asks Kafka for 2 s, then takes TOPIC_PARTITIONS. The archive fits this image's JRE and class
# path only; a JVM that cannot use it starts without it.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh \
      -Dspring.kafka.admin.auto-create=false -jar application.jar
USER matriculas
# The heap is a share of the container's memory limit, and a clean exit (then a restart) beats a limping JVM.
# Under load (bench/memory.sh: 3,000 records/s, 20 live clients) each service keeps 180 to 200 MB resident
# outside the heap (metaspace, code, GC structures, threads, libraries), whatever the heap's size. A full heap
# of 55 % leaves room for that within the producer's 512 MB; at 75 % it would not, and the kernel would kill
# the container before the JVM saw its heap full. Set JAVA_TOOL_OPTIONS on the container to change them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=55 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# The producer's DEGRADED (Kafka away, records kept) answers 200 and counts as healthy; only DOWN fails.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
