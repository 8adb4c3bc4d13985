package dev.matriculas.dashboard.cyclic.one;

import dev.matriculas.dashboard.cyclic.two.Second;

/** Half of a package cycle, for {@code PackageCyclesTest} to show that it finds one. */
public class First {

    Second second;
}
