package dev.troopwatch.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error answer: {@code {"status":400,"error":"...","parameter":"since"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String parameter) {
    public static ApiError of(int status, String error) {
        return new ApiError(status, error, null);
    }
}
