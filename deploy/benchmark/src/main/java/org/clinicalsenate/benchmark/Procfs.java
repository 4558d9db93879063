package org.clinicalsenate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Linux's /proc says about processes: who listens on a port, their CPU time, children and
 * resident memory. Everything is optional: elsewhere (or without permission) the benchmark still
 * runs, without these figures.
 */
final class Procfs {

    private static final Path PROC = Path.of("/proc");

    private Procfs() {
    }

    /** The process listening on this TCP port (IPv4 or IPv6), found by the socket's inode. */
    static OptionalLong listeningPid(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            for (String line : lines(PROC.resolve(table))) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (10th); st 0A = LISTEN
                if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])
                        && f[1].substring(f[1].lastIndexOf(':') + 1).equalsIgnoreCase(String.format(Locale.ROOT, "%04X", port))) {
                    inodes.add("socket:[" + f[9] + "]");
                }
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        for (long pid : pids()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                            return OptionalLong.of(pid);
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            } catch (IOException | SecurityException e) {
                // another user's process, or gone
            }
        }
        return OptionalLong.empty();
    }

    /** All process ids. */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return pids;
    }

    /** The fields of /proc/pid/stat after the command name (so field 0 is the state, 1 the parent). */
    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** User plus system CPU time of the process (all its threads), in clock ticks; 0 once it has gone. */
    static long cpuTicks(long pid) {
        return stat(pid).map(f -> Long.parseLong(f[11]) + Long.parseLong(f[12])).orElse(0L);
    }

    /** The direct children of a process (e.g. PostgreSQL's backends of its postmaster). */
    static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        String ppid = Long.toString(parent);
        for (long pid : pids()) {
            stat(pid).filter(f -> ppid.equals(f[1])).ifPresent(f -> children.add(pid));
        }
        return children;
    }

    /** Busy CPU time of the whole machine (all cores; not idle, not waiting for I/O), in clock ticks. */
    static long machineBusyTicks() {
        for (String line : lines(PROC.resolve("stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    total += Long.parseLong(f[i]);
                }
                return total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
            }
        }
        return 0;
    }

    /** VmRSS of a process in kB, if it is still running. */
    static Optional<Long> rssKb(long pid) {
        for (String line : lines(PROC.resolve(pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Optional.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
            }
        }
        return Optional.empty();
    }

    /** The command line's arguments, without the program. */
    static List<String> arguments(long pid) {
        try {
            String[] parts = new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8)
                    .split("\0");
            return parts.length <= 1 ? List.of() : List.of(parts).subList(1, parts.length);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
