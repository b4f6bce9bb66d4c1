package dev.casebook.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The shape of the JWK set {@code GET /api/auth/jwks} answers (RFC 7517), for the API description. */
@Schema(description = "The public keys tokens are signed with (RFC 7517); each kid is the key's RFC 7638 thumbprint")
public record JwkSet(List<Key> keys) {

    /** One RSA public key. */
    public record Key(@Schema(examples = "RSA") String kty, String kid, @Schema(examples = "sig") String use,
                      @Schema(examples = "RS256") String alg, String n, String e) {
    }
}
