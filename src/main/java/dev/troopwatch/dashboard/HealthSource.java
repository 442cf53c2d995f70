package dev.troopwatch.dashboard;

import java.util.List;

/** Health of this instance and of every instance of the application. */
public interface HealthSource {
    InstanceHealth local();

    /** Every instance, this one first; instances that cannot be asked appear as UNREACHABLE. */
    List<InstanceHealth> instances();
}
