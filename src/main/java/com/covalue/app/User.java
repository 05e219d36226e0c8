package com.covalue.app;

import com.covalue.model.Role;
import java.util.Objects;

/** Someone (or a script acting for them) the service knows: a name and a role. */
public record User(String name, Role role) {
    public User {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(role, "role == null");
    }

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
