package dev.matriculas.dashboard.cyclic.two;

import dev.matriculas.dashboard.cyclic.one.First;

/** The other half of the package cycle of {@link First}. */
public class Second {

    First first;
}
