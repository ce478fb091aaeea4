import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';

const SHARED_SRC = path.resolve(__dirname, '../../shared/src');

/** For `scripts/bench`: writes webpack's module stats of the build to `BUILD_STATS_FILE`. */
class StatsFilePlugin {
  constructor(private readonly file: string) {}

  apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } } }): void {
    compiler.hooks.done.tap('StatsFilePlugin', (stats) => {
      const json = stats.toJson({
        all: false,
        chunks: true,
        chunkModules: true,
        chunkModulesSpace: Infinity,
        nestedModules: true,
        nestedModulesSpace: Infinity,
        source: true,
      });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}

/** H5 is served by the server on the same origin; the weapp needs the server's full address. */
function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return process.env.API_BASE_URL ?? 'http://127.0.0.1:3000';
}

export default defineConfig<'webpack5'>(() => {
  const config: IProjectConfig<'webpack5'> = {
    projectName: 'beian-miniapp',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl()),
      // WeChat subscribe-message template ids (comma-separated), asked for in the submit tap.
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify((process.env.SUBSCRIBE_TEMPLATE_IDS ?? '').split(',').filter(Boolean)),
    },
    // The shared package's entries (its package.json `exports`), pointed at its sources; the first match wins.
    alias: {
      '@beian/shared/regions': path.join(SHARED_SRC, 'catalog/regions'),
      '@beian/shared': SHARED_SRC,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // webpack's persistent cache (node_modules/.cache/webpack, one per NODE_ENV-TARO_ENV): a rebuild after a small
    // change recompiles only what changed; the config file and src/app.config invalidate it.
    cache: { enable: true },
    logger: { quiet: true, stats: false },
    mini: {
      // Taro compiles only its own sources; the shared package is TypeScript source.
      compile: { include: [SHARED_SRC] },
      webpackChain(chain) {
        if (process.env.BUILD_STATS_FILE) chain.plugin('stats-file').use(StatsFilePlugin, [process.env.BUILD_STATS_FILE]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_SRC] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
