package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees on disk, as the launcher, the system test and the bench clear their state. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes the file or directory tree at {@code path}, deepest first; a symbolic link is deleted, not followed.
     * Nothing happens when there is nothing there.
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path file : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
