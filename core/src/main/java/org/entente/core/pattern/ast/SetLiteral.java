package org.entente.core.pattern.ast;

import java.util.List;

/** {@code (v1, v2, …)}, the operand of IN; possibly empty. */
public record SetLiteral(List<Literal> elements) implements Operand {
    public SetLiteral {
        elements = List.copyOf(elements);
    }
}
