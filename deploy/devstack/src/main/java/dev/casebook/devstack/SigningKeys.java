package dev.casebook.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

    private final Path privateKey;
    private final Path publicKey;

    private SigningKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The pair in {@code directory}, made there first if it is not there yet. */
    public static SigningKeys inDirectory(Path directory) throws IOException {
        Path privateKey = directory.resolve("jwt-private.pem");
        Path publicKey = directory.resolve("jwt-public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(directory);
            KeyPair pair = generate();
            write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
        }
        return new SigningKeys(privateKey, publicKey);
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

    /** The environment variables auth-service reads the pair from. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(PRIVATE_KEY_FILE, privateKey.toString());
        env.put(PUBLIC_KEY_FILE, publicKey.toString());
        return env;
    }
}
