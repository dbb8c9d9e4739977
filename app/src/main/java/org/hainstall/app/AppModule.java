package org.hainstall.app;

import com.google.inject.AbstractModule;

/** Composes the modules that live beside what they wire; the app itself binds nothing of its own yet. */
final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new org.hainstall.ui.UiModule());
    }
}
