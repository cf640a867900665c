/* The TypeScript rule every bundle shares (add-in, browser page, WPS add-in). */
const path = require("path");

/**
 * @param {{ dev: boolean, target: string }} options target: the ES level of the bundle's oldest host
 */
function typescriptRule({ dev, target }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true, // types are checked by `npm run typecheck`
        configFile: path.resolve(__dirname, "tsconfig.json"),
        compilerOptions: { module: "es2020", target, sourceMap: dev, noEmit: false },
      },
    },
  };
}

module.exports = { typescriptRule };
