package dev.casebook.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.casebook.auth.domain.Sessions;

/** What a login or a refresh returns: a short-lived access token and the refresh token that renews it. */
@Schema(requiredProperties = {"accessToken", "refreshToken", "tokenType", "expiresIn"})
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(Sessions.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=Bearer, expiresIn=" + expiresIn + "]";
    }
}
