export async function main(_argv: string[], _io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> { return 0; }
