package dev.casebook.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key pair auth-service signs tokens with. Keys never live in the repository: the local runner
 * makes a pair in its data folder at first start and keeps it, tests make a fresh pair per run.
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY_FILE = "CASEBOOK_JWT_PRIVATE_KEY_FILE";
    public static final String PUBLIC_KEY_FILE = "CASEBOOK_JWT_PUBLIC_KEY_FILE";
    /** The public key as a JWK set, for tests that verify tokens without asking auth-service. */
    public static final String JWKS_FILE = "CASEBOOK_JWKS_FILE";

    private final Path privateKey;
    private final Path publicKey;
    private final Path jwks;

    private SigningKeys(Path privateKey, Path publicKey, Path jwks) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.jwks = jwks;
    }

    /** The pair in {@code directory}, made there first if it is not there yet. */
    public static SigningKeys inDirectory(Path directory) throws IOException {
        Path privateKey = directory.resolve("jwt-private.pem");
        Path publicKey = directory.resolve("jwt-public.pem");
        Path jwks = directory.resolve("jwks.json");
        if (!Files.exists(privateKey) || !Files.exists(publicKey) || !Files.exists(jwks)) {
            Files.createDirectories(directory);
            KeyPair pair = generate();
            write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            Files.writeString(jwks, jwkSet((RSAPublicKey) pair.getPublic()));
        }
        return new SigningKeys(privateKey, publicKey, jwks);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    /** A JWK set with the key id auth-service gives the key: its RFC 7638 thumbprint. */
    private static String jwkSet(RSAPublicKey key) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String n = base64url.encodeToString(unsigned(key.getModulus()));
        String e = base64url.encodeToString(unsigned(key.getPublicExponent()));
        String thumbprintInput = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        String kid;
        try {
            kid = base64url.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(thumbprintInput.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid
                + "\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}]}\n";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path publicKey() {
        return publicKey;
    }

    public Path jwks() {
        return jwks;
    }

    /** The environment variables auth-service reads the pair from. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(PRIVATE_KEY_FILE, privateKey.toString());
        env.put(PUBLIC_KEY_FILE, publicKey.toString());
        env.put(JWKS_FILE, jwks.toString());
        return env;
    }
}
