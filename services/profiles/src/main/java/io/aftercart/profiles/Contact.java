package io.aftercart.profiles;

/** A customer's latest e-mail address and phone number, decrypted for a caller entitled to them; null when unknown. */
public record Contact(String customerId, String email, String phone) {
}
