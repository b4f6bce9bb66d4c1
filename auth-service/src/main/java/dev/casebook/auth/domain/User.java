package dev.casebook.auth.domain;

import dev.casebook.platform.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** Someone who can log in. The password is kept only as a bcrypt hash, which never leaves this service. */
@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Convert(converter = RoleColumn.class)
    @BatchSize(size = 100)
    public Set<Role> roles = new HashSet<>();

    public boolean enabled;

    /** Goes up with each change that revokes the user's access tokens; every token carries the one it was issued at. */
    @Column(name = "access_version")
    public long accessVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static User create(String username, String passwordHash, Set<Role> roles, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = new HashSet<>(roles);
        user.enabled = true;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** Usernames are unique whatever their case, and found the same way. */
    public static User findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResult();
    }

    public static List<User> page(int page, int size) {
        return find("order by lower(username), id").page(page, size).list();
    }

    public static long enabledAdminsOtherThan(UUID id) {
        return getEntityManager()
                .createQuery("select count(u) from User u join u.roles r where r = :admin and u.enabled = true and u.id <> :id", Long.class)
                .setParameter("admin", Role.ADMIN)
                .setParameter("id", id)
                .getSingleResult();
    }

    public static boolean anyAdmin() {
        return getEntityManager()
                .createQuery("select count(u) from User u join u.roles r where r = :admin", Long.class)
                .setParameter("admin", Role.ADMIN)
                .getSingleResult() > 0;
    }

    /** In the order the roles are listed everywhere (admin, editor, author, viewer). */
    public SortedSet<Role> sortedRoles() {
        return new TreeSet<>(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }
}
