package dev.casebook.auth;

import dev.casebook.auth.security.JsonWebKeys;
import dev.casebook.devstack.SigningKeys;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The key set during a rotation, without starting the service. */
class JsonWebKeysTest {

    private static PublicKey publicKey(SigningKeys keys) throws Exception {
        return KeyUtils.decodePublicKey(Files.readString(keys.publicKey()));
    }

    private static String kidInFile(SigningKeys keys) throws Exception {
        return Auth.json(Files.readString(keys.jwks())).path("keys").path(0).path("kid").asText();
    }

    @Test
    void theKeyIdIsTheThumbprintTheDevstackComputesToo(@TempDir Path directory) throws Exception {
        SigningKeys keys = SigningKeys.inDirectory(directory);
        assertEquals(kidInFile(keys), JsonWebKeys.keyId(publicKey(keys)));
    }

    @Test
    void aRotationPublishesTheCurrentAndThePreviousKey(@TempDir Path directory) throws Exception {
        SigningKeys current = SigningKeys.inDirectory(directory.resolve("current"));
        SigningKeys previous = SigningKeys.inDirectory(directory.resolve("previous"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> set = (List<Map<String, Object>>) JsonWebKeys.set(List.of(publicKey(current), publicKey(previous)))
                .get("keys");

        assertEquals(2, set.size());
        assertEquals(kidInFile(current), set.get(0).get("kid"));
        assertEquals(kidInFile(previous), set.get(1).get("kid"));
        assertNotEquals(set.get(0).get("kid"), set.get(1).get("kid"));
        for (Map<String, Object> key : set) {
            assertEquals("RS256", key.get("alg"));
            assertEquals("sig", key.get("use"));
            assertEquals(null, key.get("d"));
        }
    }
}
