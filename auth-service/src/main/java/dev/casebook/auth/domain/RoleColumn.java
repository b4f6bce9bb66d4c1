package dev.casebook.auth.domain;

import dev.casebook.platform.security.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role by its id ({@code admin}), the same name tokens and the API use. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.id();
    }

    @Override
    public Role convertToEntityAttribute(String id) {
        return id == null ? null : Role.byId(id).orElseThrow(() -> new IllegalStateException("Unknown role in the database: " + id));
    }
}
