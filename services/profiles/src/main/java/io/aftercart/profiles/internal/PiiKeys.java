package io.aftercart.profiles.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the PII key comes from: configuration, or (embedded mode only) a key file generated on first start. */
public final class PiiKeys {

    private static final Logger log = LoggerFactory.getLogger(PiiKeys.class);
    public static final String KEY_FILE = "profiles-pii.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PiiKeys() {
    }

    /** The configured key, decoded; the key itself never appears in an error message. */
    public static byte[] configured(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aftercart.profiles.pii-key is not valid base64");
        }
        if (key.length < PiiProtector.MIN_KEY_BYTES) {
            throw new IllegalStateException("aftercart.profiles.pii-key must decode to at least "
                    + PiiProtector.MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    /** The key in {@code <dataDir>/profiles-pii.key}, generated (readable by the owner only) when absent. */
    public static byte[] fromKeyFile(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return configured(Files.readString(file, US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the PII key file " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[PiiProtector.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // created concurrently: use that one
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key), US_ASCII);
        log.warn("No aftercart.profiles.pii-key configured: generated a key into {}. Back it up and keep it secret; "
                + "without it the stored e-mail addresses and phone numbers cannot be decrypted.", file);
    }
}
