package com.covalue.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory key store made from PEM files, the form certificate authorities and ACME clients
 * hand out: a certificate chain ({@code BEGIN CERTIFICATE}) and an unencrypted PKCS#8 private key
 * ({@code BEGIN PRIVATE KEY}, RSA or EC). Its password is random and lives only in memory.
 */
record PemKeyStore(KeyStore keyStore, String password) {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    static PemKeyStore load(Path certificateFile, Path keyFile) {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        try {
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("covalue", key, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new PemKeyStore(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--tls-key " + keyFile + " does not belong with the certificate in --tls-cert "
                    + certificateFile + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("--tls-cert " + file + " holds no PEM certificate (BEGIN CERTIFICATE)");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException("--tls-cert " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--tls-cert " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("--tls-key " + file + " cannot be read: " + e.getMessage(), e);
        }
        Matcher m = PRIVATE_KEY.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("--tls-key " + file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm; try the next
            }
        }
        throw new IllegalArgumentException("--tls-key " + file + " is not an RSA, EC or Ed25519 private key");
    }
}
