package dev.casebook.auth.api;

import dev.casebook.platform.paging.Page;
import dev.casebook.platform.paging.PageRequest;

import java.util.List;

/** One page of users, by username. */
public final class UserPage extends Page<UserView> {

    UserPage(List<UserView> items, PageRequest request, long total) {
        super(items, request, total);
    }
}
