package se.samlyft.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OCI image layout in a tarball, as {@code jib:buildTar} writes it: its index, the image's manifest and its
 * configuration (user, entry point, exposed ports, environment), read without unpacking the layers.
 */
final class ImageTarball {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, byte[]> smallEntries;
    private final Map<String, Long> sizes;

    private ImageTarball(Map<String, byte[]> smallEntries, Map<String, Long> sizes) {
        this.smallEntries = smallEntries;
        this.sizes = sizes;
    }

    /** Reads the tarball's entry names and sizes, and the contents of those under 1 MB (JSON documents). */
    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> small = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                if ((type == '0' || type == 0) && size < 1 << 20) {
                    small.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
                if (type == '0' || type == 0) {
                    sizes.put(name, size);
                }
            }
        }
        return new ImageTarball(small, sizes);
    }

    JsonNode index() {
        return json("index.json");
    }

    JsonNode manifest() {
        return blob(index().path("manifests").path(0).path("digest").asString());
    }

    /** The image's configuration: {@code config.User}, {@code config.Entrypoint}, {@code config.ExposedPorts}, ... */
    JsonNode configuration() {
        return blob(manifest().path("config").path("digest").asString()).path("config");
    }

    /** Whether the tarball holds the blob of this digest, of this size. */
    boolean hasBlob(String digest, long size) {
        Long actual = sizes.get("blobs/" + digest.replace(':', '/'));
        return actual != null && actual == size;
    }

    private JsonNode blob(String digest) {
        return json("blobs/" + digest.replace(':', '/'));
    }

    private JsonNode json(String entry) {
        byte[] bytes = smallEntries.get(entry);
        if (bytes == null) {
            throw new IllegalStateException("The image has no " + entry + "; entries: " + sizes.keySet());
        }
        return JSON.readTree(bytes);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
