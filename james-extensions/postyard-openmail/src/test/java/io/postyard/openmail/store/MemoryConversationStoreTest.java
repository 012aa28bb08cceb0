package io.postyard.openmail.store;

class MemoryConversationStoreTest extends ConversationStoreContract {
    private final MemoryConversationStore store = new MemoryConversationStore();

    @Override
    protected ConversationStore store() {
        return store;
    }
}
