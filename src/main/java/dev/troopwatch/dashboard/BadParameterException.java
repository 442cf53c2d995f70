package dev.troopwatch.dashboard;

/** A query or path parameter the API cannot accept; answered with 400 and a JSON error naming the parameter. */
public final class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
