package dev.casebook.auth.domain;

import dev.casebook.platform.database.TransactionLocks;

/** The locks auth-service's checks take (platform's {@link TransactionLocks}). */
final class SerialLocks {

    private static final int LOGIN_ATTEMPTS = 0x4c4f47; // per username
    private static final int ADMINS = 0x41444d;         // changes that could leave no admin

    private SerialLocks() {
    }

    static void loginAttemptsOf(String usernameKey) {
        TransactionLocks.hold(LOGIN_ATTEMPTS, usernameKey);
    }

    static void admins() {
        TransactionLocks.hold(ADMINS, 0);
    }
}
