package io.postyard.server.cassandra;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.blob.api.BlobId;
import org.apache.james.blob.api.BlobStore;
import org.apache.james.blob.api.BlobStoreDAO;
import org.apache.james.blob.api.BucketName;
import org.apache.james.blob.api.HashBlobId;
import org.apache.james.blob.cassandra.CassandraBlobModule;
import org.apache.james.blob.cassandra.CassandraBlobStoreDAO;
import org.apache.james.server.blob.deduplication.PassThroughBlobStore;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

/**
 * Message bodies, attachments and queued mail in Cassandra's blob tables. Pass-through (no deduplication), so a
 * blob is deleted with what owns it, without a garbage collector to run.
 */
public class JamesCassandraBlobModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HashBlobId.Factory.class).in(Scopes.SINGLETON);
        bind(BlobId.Factory.class).to(HashBlobId.Factory.class);
        bind(CassandraBlobStoreDAO.class).in(Scopes.SINGLETON);
        bind(BlobStoreDAO.class).to(CassandraBlobStoreDAO.class);
        bind(PassThroughBlobStore.class).in(Scopes.SINGLETON);
        bind(BlobStore.class).to(PassThroughBlobStore.class);
        bind(BucketName.class).annotatedWith(Names.named(BlobStore.DEFAULT_BUCKET_NAME_QUALIFIER)).toInstance(BucketName.DEFAULT);
        Multibinder.newSetBinder(binder(), CassandraModule.class).addBinding().toInstance(CassandraBlobModule.MODULE);
    }
}
