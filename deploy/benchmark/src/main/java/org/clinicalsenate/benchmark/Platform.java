package org.clinicalsenate.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The processes of the platform under test, found by the ports they listen on (so that another
 * checkout's services, or the machine's own PostgreSQL, are never mistaken for them): each
 * service's JVM and the PostgreSQL server (its postmaster and backends).
 */
final class Platform {

    /** A service process: its pid and JVM options (from its command line). */
    record ServiceProcess(String service, int port, long pid, List<String> jvmOptions) {
    }

    private final Map<String, ServiceProcess> services;
    private final OptionalLong postmaster;

    private Platform(Map<String, ServiceProcess> services, OptionalLong postmaster) {
        this.services = services;
        this.postmaster = postmaster;
    }

    /** @param servicePorts service name to port, in report order */
    static Platform find(Map<String, Integer> servicePorts, int postgresPort) {
        Map<String, ServiceProcess> found = new LinkedHashMap<>();
        servicePorts.forEach((service, port) -> Procfs.listeningPid(port).ifPresent(pid ->
                found.put(service, new ServiceProcess(service, port, pid, jvmOptions(Procfs.arguments(pid))))));
        return new Platform(found, Procfs.listeningPid(postgresPort));
    }

    private static List<String> jvmOptions(List<String> arguments) {
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar") || !argument.startsWith("-")) {
                break;
            }
            options.add(argument);
        }
        return options;
    }

    Map<String, ServiceProcess> services() {
        return services;
    }

    OptionalLong postmaster() {
        return postmaster;
    }
}
