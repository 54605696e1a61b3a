package se.samlyft.deploy.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared libraries of the operating system that a set of executables and libraries load, as the dynamic linker
 * resolves them on this machine ({@code ldd}): the C library, the maths library, the dynamic linker itself. Libraries
 * that the Java runtime brings along (found through its own directories) are left out.
 */
final class SharedLibraries {

    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    private static final Pattern RESOLVED =
            Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");

    private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found\\s*$");

    private SharedLibraries() {}

    /**
     * The libraries outside {@code files}' own directories that {@code files} need.
     *
     * @throws IllegalStateException if one of them cannot be found on this machine
     */
    static Set<Path> neededBy(Collection<Path> files) throws IOException, InterruptedException {
        Set<Path> libraries = new TreeSet<>();
        Set<Path> own = new TreeSet<>();
        Set<String> ownNames = new TreeSet<>();
        for (Path file : files) {
            own.add(file.toAbsolutePath().getParent());
            ownNames.add(file.getFileName().toString());
        }
        for (Path file : files) {
            for (Path library : parse(ldd(file), file, ownNames)) {
                if (own.stream().noneMatch(directory -> library.startsWith(directory))) {
                    libraries.add(library);
                }
            }
        }
        if (libraries.stream()
                .noneMatch(library -> library.getFileName().toString().startsWith("libc.so"))) {
            throw new IllegalStateException("ldd found no C library for " + files.size() + " files of the runtime");
        }
        return libraries;
    }

    /**
     * The resolved libraries in {@code ldd}'s output; a static executable or a script needs none. A library that
     * {@code ldd} cannot find is fine when it is one of {@code ownNames} (the runtime's {@code libjvm.so}, which the
     * launcher has loaded before it loads the others).
     */
    static List<Path> parse(String lddOutput, Path of, Set<String> ownNames) {
        List<Path> libraries = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            Matcher missing = MISSING.matcher(line);
            if (missing.matches() && !ownNames.contains(missing.group(1))) {
                throw new IllegalStateException(of + " needs " + missing.group(1) + ", which this machine lacks");
            }
            Matcher resolved = RESOLVED.matcher(line);
            if (resolved.matches()) {
                libraries.add(Path.of(resolved.group(1)));
            }
        }
        return libraries;
    }

    private static String ldd(Path file) throws IOException, InterruptedException {
        Process ldd = new ProcessBuilder("ldd", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        return output;
    }
}
