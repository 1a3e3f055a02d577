import { type DynamicModule, Global, Module } from '@nestjs/common';

import { AppConfig } from './app-config.js';

/** Makes the configuration validated at start injectable as `AppConfig`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
