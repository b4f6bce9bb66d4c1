package dev.casebook.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method that creates or changes something: it honours the {@code Idempotency-Key} header (IETF
 * httpapi draft "The Idempotency-Key HTTP Header Field", as Stripe's API does). A repeat by the same caller with
 * the same key and the same request gets the first answer again and changes nothing ({@link IdempotentWrites});
 * the OpenAPI document says so on the operation ({@code openapi.IdempotencyKeyHeader}). Put it on methods only,
 * each with an {@code @Operation(operationId = …)} and returning a {@code Response}. What is given again is the
 * status, the body, Content-Type, Location and ETag: a method whose answer needs another header must not rely on it
 * being repeated.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
