package dev.casebook.auth.security;

import dev.casebook.auth.config.AccountSettings;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** bcrypt through Quarkus's BcryptUtil (WildFly Elytron): never a home-made scheme. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    // Checked against when the username is unknown, so that an unknown user takes as long as a wrong password.
    private final String nobodysHash;

    public PasswordHasher(AccountSettings settings) {
        this.cost = settings.password().bcryptCost();
        this.nobodysHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false; // an unreadable stored hash matches nothing
        }
    }

    /** Costs what {@link #matches} costs, and is always false. */
    public boolean matchesNobody(String password) {
        BcryptUtil.matches(password, nobodysHash);
        return false;
    }
}
