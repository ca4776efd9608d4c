package org.entente.federation.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.entente.core.policy.MemberId;

/**
 * Makes a node's TLS key pair and self-signed certificate.
 *
 * <p>The key is ECDSA P-256, not Ed25519. TLS 1.3 makes {@code ecdsa_secp256r1_sha256} mandatory to
 * implement (RFC 8446 section 9.1) while Ed25519 is optional, so P-256 works with every peer stack, a
 * plain TAXII server, curl or a TLS-terminating proxy included, and the JDK has supported it in TLS 1.3
 * since TLS 1.3 arrived. Ed25519 stays the key for what Entente signs itself (envelopes, rotations).
 *
 * <p>The certificate names the member in its subject and as a {@code urn:entente:member:} URI so logs and
 * tools show whose it is; trust comes from pinning its fingerprint, not from the name.
 */
public final class SelfSignedTlsCertificates {
    /** Long enough not to expire between key ceremonies; peers pin the certificate, so expiry is not how trust ends. */
    static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private final SecureRandom random;

    public SelfSignedTlsCertificates(SecureRandom random) {
        this.random = random;
    }

    public TlsIdentity create(MemberId member, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Entente")
                    .addRDN(BCStyle.CN, member.value())
                    .build();
            // RFC 5280 section 4.1.2.2: a positive serial of at most 20 octets; 159 random bits fit.
            BigInteger serial = new BigInteger(159, random).add(BigInteger.ONE);
            Instant notBefore = now.minus(Duration.ofMinutes(5)); // tolerate a peer whose clock is a little behind
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject, serial, Date.from(notBefore), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.uniformResourceIdentifier, "urn:entente:member:" + member.value()),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random).build(pair.getPrivate())));
            return new TlsIdentity(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make a TLS certificate", e);
        }
    }
}
