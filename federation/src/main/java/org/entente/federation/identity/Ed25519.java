package org.entente.federation.identity;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 (PureEdDSA, RFC 8032) through the JDK's SunEC provider. Signing is deterministic (RFC 8032
 * section 5.1.6), so no randomness can leak the key; verification rejects an S that is not below the
 * group order (section 5.1.7), so a signature cannot be altered into a second valid one.
 */
public final class Ed25519 {
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15 or newer provides Ed25519", e);
        }
    }

    public static Ed25519Signature sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return new Ed25519Signature(signer.sign());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code message}; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] message, Ed25519Signature signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature.bytes());
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification unavailable", e);
        }
    }

    /** A public key from its X.509 SubjectPublicKeyInfo encoding (RFC 8410: 12 bytes of header, 32 of key). */
    public static PublicKey publicKey(byte[] subjectPublicKeyInfo) {
        if (subjectPublicKeyInfo.length != 44) {
            throw new IllegalArgumentException("not an Ed25519 public key (" + subjectPublicKeyInfo.length + " bytes, not 44)");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key from its PKCS#8 encoding (RFC 8410 section 7). */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the private key belongs to the public key, shown by a signature (the JDK cannot derive one from the other). */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "entente key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return verify(publicKey, probe, sign(privateKey, probe));
    }
}
