package dev.casebook.auth.api;

import java.util.List;

/** One page of users, {@code page} counted from 0. */
public record UserPage(List<UserView> items, int page, int size, long total) {
}
