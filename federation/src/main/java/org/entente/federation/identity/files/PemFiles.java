package org.entente.federation.identity.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * PEM files (RFC 7468): private keys as {@code PRIVATE KEY} (PKCS#8), certificates as
 * {@code CERTIFICATE}, so that openssl and other tools read them as they are.
 */
final class PemFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private PemFiles() {}

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] read(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) throw new KeyDirectoryException(file + " is not a PEM file holding a " + label);
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new KeyDirectoryException(file + " holds broken base64: " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code file} with {@code permissions} set at creation, never briefly wider, and fails if
     * it exists: a key file is never overwritten in place.
     */
    static void createNew(Path file, String content, Set<PosixFilePermission> permissions) {
        try {
            if (supportsPosix(file)) {
                FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
                Files.createFile(file, attribute);
                // The umask may have narrowed the mode at creation; set it exactly.
                Files.setPosixFilePermissions(file, permissions);
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyDirectoryException("refusing to overwrite " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
