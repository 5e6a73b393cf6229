/** Injection token of the {@link PluginRegistry} built from the config file (absent: no plugins). */
export const LOADED_PLUGINS = Symbol('LOADED_PLUGINS');
