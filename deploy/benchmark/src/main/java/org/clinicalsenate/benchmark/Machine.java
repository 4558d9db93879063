package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The facts of the machine a result belongs to: without them a number means little. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cores", Runtime.getRuntime().availableProcessors() + " (as the JVM sees them)"
                + procLine("/proc/cpuinfo", "model name").map(m -> ", " + m).orElse(""));
        procLine("/proc/meminfo", "MemTotal").ifPresent(m -> facts.put("memory", memory(m)));
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("load generator JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return facts;
    }

    /** The value of the first "key : value" line of a /proc file that starts with the key. */
    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String memory(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.split("\\s+")[0]);
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (RuntimeException e) {
            return memTotal;
        }
    }
}
