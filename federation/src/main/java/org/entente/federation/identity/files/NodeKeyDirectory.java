package org.entente.federation.identity.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.SelfSignedTlsCertificates;
import org.entente.federation.identity.SigningKeyChain;
import org.entente.federation.identity.TlsIdentity;

/**
 * A node's keys on disk, in one directory (normally {@code <data>/keys/}):
 * <ul>
 *   <li>{@code signing.key}: the current Ed25519 private key, PKCS#8 PEM, owner-only;</li>
 *   <li>{@code signing-chain.json}: every public signing key with its period and the rotation statements
 *       binding each to the first ({@link SigningKeyChainJson});</li>
 *   <li>{@code tls.key}: the TLS private key (ECDSA P-256), PKCS#8 PEM, owner-only;</li>
 *   <li>{@code tls.crt}: the self-signed TLS certificate, PEM.</li>
 * </ul>
 * Retired private signing keys are not kept: old signatures need only the public keys, and a private
 * key that no longer signs anything is only something to steal.
 */
public final class NodeKeyDirectory {
    static final String SIGNING_KEY = "signing.key";
    static final String CHAIN = "signing-chain.json";
    static final String TLS_KEY = "tls.key";
    static final String TLS_CERTIFICATE = "tls.crt";
    /** The next signing key during a rotation, until it replaces {@code signing.key}. */
    static final String NEXT_SIGNING_KEY = "signing.key.next";

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;

    public NodeKeyDirectory(Path directory, Clock clock, SecureRandom random) {
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    public Path directory() {
        return directory;
    }

    /** Whether any key file is present. */
    public boolean exists() {
        return List.of(SIGNING_KEY, CHAIN, TLS_KEY, TLS_CERTIFICATE, NEXT_SIGNING_KEY).stream()
                .anyMatch(name -> Files.exists(directory.resolve(name)));
    }

    /** Makes a new identity; refuses to run where any key file exists, so a node's identity is never lost by accident. */
    public NodeIdentity init() {
        if (exists()) {
            throw new KeyDirectoryException("refusing to overwrite the keys in " + directory
                    + "; a node's identity cannot be recreated once peers have pinned it");
        }
        createDirectory();
        KeyPair signing = Ed25519.generate();
        SigningKeyChain chain = SigningKeyChain.start(signing.getPublic(), clock.instant());
        TlsIdentity tls = new SelfSignedTlsCertificates(random).create(chain.member(), clock.instant());
        // Private keys first: a crash leaves no public file claiming an identity whose key is missing.
        PemFiles.createNew(file(SIGNING_KEY), PemFiles.encode("PRIVATE KEY", signing.getPrivate().getEncoded()), PemFiles.OWNER_ONLY);
        PemFiles.createNew(file(TLS_KEY), PemFiles.encode("PRIVATE KEY", tls.privateKey().getEncoded()), PemFiles.OWNER_ONLY);
        PemFiles.createNew(file(TLS_CERTIFICATE), PemFiles.encode("CERTIFICATE", encoded(tls.certificate())), PemFiles.PUBLIC);
        PemFiles.createNew(file(CHAIN), new String(SigningKeyChainJson.write(chain), StandardCharsets.UTF_8), PemFiles.PUBLIC);
        return new NodeIdentity(chain, signing.getPrivate(), tls);
    }

    /** Reads the identity, finishing a rotation that a crash interrupted. */
    public NodeIdentity load() {
        SigningKeyChain chain = readChain();
        PrivateKey signing = Ed25519.privateKey(PemFiles.read(file(SIGNING_KEY), "PRIVATE KEY"));
        if (!Ed25519.matches(signing, chain.current().key())) {
            signing = finishInterruptedRotation(chain);
        }
        return new NodeIdentity(chain, signing, readTls());
    }

    /**
     * Makes a new signing key current, certified by a rotation statement signed with the previous key.
     * The member id does not change. Crash-safe: the chain is replaced first, then the private key, and
     * {@link #load()} completes a rotation stopped between the two.
     */
    public NodeIdentity rotate() {
        NodeIdentity current = load();
        KeyPair next = Ed25519.generate();
        SigningKeyChain chain = current.chain().rotate(current.signingKey(), next.getPublic(), clock.instant());
        Path pending = file(NEXT_SIGNING_KEY);
        deleteIfExists(pending); // a leftover from a rotation that never reached the chain
        PemFiles.createNew(pending, PemFiles.encode("PRIVATE KEY", next.getPrivate().getEncoded()), PemFiles.OWNER_ONLY);
        replace(file(CHAIN), SigningKeyChainJson.write(chain));
        move(pending, file(SIGNING_KEY));
        return new NodeIdentity(chain, next.getPrivate(), current.tls());
    }

    private PrivateKey finishInterruptedRotation(SigningKeyChain chain) {
        Path pending = file(NEXT_SIGNING_KEY);
        if (Files.exists(pending)) {
            PrivateKey next = Ed25519.privateKey(PemFiles.read(pending, "PRIVATE KEY"));
            if (Ed25519.matches(next, chain.current().key())) {
                move(pending, file(SIGNING_KEY));
                return next;
            }
        }
        throw new KeyDirectoryException(file(SIGNING_KEY) + " is not the private half of the current signing key "
                + chain.current().id() + " in " + file(CHAIN));
    }

    private SigningKeyChain readChain() {
        try {
            return SigningKeyChainJson.read(Files.readAllBytes(file(CHAIN)));
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot read " + file(CHAIN) + ": " + e.getMessage(), e);
        } catch (JsonFieldException | IllegalArgumentException e) {
            throw new KeyDirectoryException(file(CHAIN) + " is not a valid signing-key chain: " + e.getMessage(), e);
        }
    }

    private TlsIdentity readTls() {
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(PemFiles.read(file(TLS_KEY), "PRIVATE KEY")));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(PemFiles.read(file(TLS_CERTIFICATE), "CERTIFICATE")));
            return new TlsIdentity(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new KeyDirectoryException("cannot read the TLS key or certificate in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void createDirectory() {
        try {
            if (Files.isDirectory(directory)) return;
            if (PemFiles.supportsPosix(directory.toAbsolutePath().getParent())) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PemFiles.OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Replaces a public file atomically: readers see the old content or the new, never half of it. */
    private void replace(Path target, byte[] content) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        deleteIfExists(temporary);
        PemFiles.createNew(temporary, new String(content, StandardCharsets.UTF_8), PemFiles.PUBLIC);
        move(temporary, target);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new KeyDirectoryException("the file system of " + to + " cannot replace files atomically", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private Path file(String name) {
        return directory.resolve(name);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
