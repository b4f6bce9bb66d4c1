package dev.casebook.auth.domain;

import dev.casebook.platform.access.AccessChange;
import dev.casebook.platform.security.Role;
import dev.casebook.auth.security.PasswordHasher;
import dev.casebook.platform.domain.Conflict;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The users an admin manages. At least one enabled admin always remains, so nobody locks everyone out. */
@ApplicationScoped
public class UserDirectory {

    private final PasswordHasher passwords;
    private final AccessRevocations revocations;

    public UserDirectory(PasswordHasher passwords, AccessRevocations revocations) {
        this.passwords = passwords;
        this.revocations = revocations;
    }

    @Transactional
    public User create(String username, String password, Set<Role> roles) {
        PasswordRule.problemWith(password).ifPresent(problem -> {
            throw InvalidInput.of("password", problem);
        });
        if (User.findByUsername(username) != null) {
            throw taken(username);
        }
        User user = User.create(username, passwords.hash(password), roles, Instant.now());
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw taken(username); // created meanwhile by another request
            }
            throw e;
        }
        return user;
    }

    /** One page of users, by username whatever its case. */
    public List<User> list(PageRequest paging) {
        return User.page(paging.page(), paging.size());
    }

    public long count() {
        return User.count();
    }

    public User get(UUID id) {
        User user = User.findById(id);
        if (user == null) {
            throw new NotFound("There is no user " + id);
        }
        return user;
    }

    @Transactional
    public User changeRoles(UUID id, Set<Role> roles) {
        SerialLocks.admins();
        User user = get(id);
        if (!roles.contains(Role.ADMIN)) {
            keepAnAdminBesides(user, "take the admin role from");
        }
        if (!user.roles.equals(roles)) {
            user.roles.clear();
            user.roles.addAll(roles);
            // Tokens name the roles they were issued with: the old ones must stop working, not linger until expiry.
            revocations.revoke(user, AccessChange.Reason.ROLES_CHANGED, Instant.now());
        }
        return user;
    }

    /** A disabled user can neither log in nor refresh; the sessions and access tokens they had are revoked at once. */
    @Transactional
    public User setEnabled(UUID id, boolean enabled) {
        SerialLocks.admins();
        User user = get(id);
        if (user.enabled == enabled) {
            return user;
        }
        Instant now = Instant.now();
        if (!enabled) {
            keepAnAdminBesides(user, "disable");
            RefreshToken.revokeAllOf(user.id, now);
            revocations.revoke(user, AccessChange.Reason.DISABLED, now);
        }
        user.enabled = enabled;
        user.updatedAt = now;
        return user;
    }

    /** Creates the first admin unless an admin exists; says why not otherwise. */
    @Transactional
    public FirstAdminOutcome createFirstAdmin(String username, String password) {
        SerialLocks.admins();
        if (User.anyAdmin()) {
            return FirstAdminOutcome.ADMIN_EXISTS;
        }
        if (password == null) {
            return FirstAdminOutcome.NO_PASSWORD;
        }
        if (PasswordRule.problemWith(password).isPresent()) {
            return FirstAdminOutcome.PASSWORD_REFUSED;
        }
        if (User.findByUsername(username) != null) {
            return FirstAdminOutcome.USERNAME_TAKEN;
        }
        User.create(username, passwords.hash(password), Set.of(Role.ADMIN), Instant.now()).persist();
        return FirstAdminOutcome.CREATED;
    }

    public enum FirstAdminOutcome { CREATED, ADMIN_EXISTS, NO_PASSWORD, PASSWORD_REFUSED, USERNAME_TAKEN }

    private static void keepAnAdminBesides(User user, String action) {
        if (user.isEnabledAdmin() && User.enabledAdminsOtherThan(user.id) == 0) {
            throw new Conflict("Cannot " + action + " " + user.username + ": they are the last enabled admin");
        }
    }

    private static Conflict taken(String username) {
        return new Conflict("The username '" + username + "' is taken");
    }
}
