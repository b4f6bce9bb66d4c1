package dev.casebook.casestudy.contract;

import jakarta.validation.ConstraintValidatorContext;

/** A constraint's message, said in place of its default one. */
final class Messages {

    private Messages() {
    }

    /** {@code message} is literal text: braces and dollar signs are not Bean Validation's expressions here. */
    static void replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
    }

    static void replace(ConstraintValidatorContext context, String property, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addPropertyNode(property).addConstraintViolation();
    }

    private static String literal(String message) {
        StringBuilder escaped = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
