package io.postyard.core.template;

class MemoryTemplateStoreTest extends TemplateStoreContract {
    private final MemoryTemplateStore store = new MemoryTemplateStore();

    @Override
    protected TemplateStore store() {
        return store;
    }
}
