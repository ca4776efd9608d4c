package org.entente.core.pattern.ast;

/** The right-hand side of a comparison: one literal, or a set of literals for IN. */
public sealed interface Operand permits Literal, SetLiteral {}
