package dev.casebook.auth.api;

import dev.casebook.auth.domain.Sessions;

/** What a login or a refresh returns: a short-lived access token and the refresh token that renews it. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(Sessions.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=Bearer, expiresIn=" + expiresIn + "]";
    }
}
