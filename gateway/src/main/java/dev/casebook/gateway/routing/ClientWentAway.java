package dev.casebook.gateway.routing;

/** The client closed its connection while its request was on the way: nothing the service is to blame for. */
final class ClientWentAway extends RuntimeException {

    ClientWentAway(Throwable cause) {
        super("The client closed the connection: " + cause.getMessage(), cause, false, false);
    }
}
