package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.SqlStatement;

/** A WHERE clause built from parts, each with the values it binds. */
final class Conditions {
    private final List<String> parts = new ArrayList<>();
    private final List<Consumer<SqlStatement<?>>> bindings = new ArrayList<>();

    Conditions add(String condition, Consumer<SqlStatement<?>> binding) {
        parts.add(condition);
        bindings.add(binding);
        return this;
    }

    String sql() {
        return String.join("\n  AND ", parts);
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        bindings.forEach(binding -> binding.accept(statement));
        return statement;
    }
}
