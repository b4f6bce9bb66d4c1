package dev.casebook.auth.security;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public keys as JWKs whose {@code kid} is their RFC 7638 SHA-256 thumbprint: the same key always gets the same id. */
public final class JsonWebKeys {

    private JsonWebKeys() {
    }

    public static String keyId(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot compute the thumbprint of the signing key", e);
        }
    }

    /** A JWK set ({@code {"keys": [...]}}) of the public parts only, for verifying RS256 signatures. */
    public static Map<String, Object> set(List<PublicKey> keys) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (PublicKey key : keys) {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
                jwk.setKeyId(keyId(key));
                jwk.setUse("sig");
                jwk.setAlgorithm("RS256");
                jwks.add(new LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            } catch (JoseException e) {
                throw new IllegalStateException("Cannot publish a verification key", e);
            }
        }
        return Map.of("keys", jwks);
    }
}
