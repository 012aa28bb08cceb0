package io.postyard.core.key;

public class InvalidKeyRequestException extends RuntimeException {
    public InvalidKeyRequestException(String message) {
        super(message);
    }
}
