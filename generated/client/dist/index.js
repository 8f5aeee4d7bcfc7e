import createClient, {} from 'openapi-fetch';
const MANAGE_PATH = /\/identity\/v2\/manage\//i;
export function createLoginRadiusClient(options) {
    if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
        throw new TypeError('createLoginRadiusClient: `apiKey` is required (your LoginRadius site API key).');
    }
    const client = createClient({
        baseUrl: options.baseUrl ?? 'https://api.loginradius.com',
        fetch: options.fetch,
    });
    client.use(credentials(options));
    return client;
}
function credentials(options) {
    return {
        onRequest({ request }) {
            const url = new URL(request.url);
            if (!url.searchParams.has('apikey'))
                url.searchParams.set('apikey', options.apiKey);
            const next = new Request(url, request);
            if (MANAGE_PATH.test(url.pathname)) {
                if (!options.apiSecret) {
                    throw new Error(`LoginRadius: ${url.pathname} is a /manage/ operation and needs \`apiSecret\`.`);
                }
                next.headers.set('X-LoginRadius-ApiSecret', options.apiSecret);
            }
            if (options.accessToken && !next.headers.has('Authorization') && !url.searchParams.has('access_token')) {
                next.headers.set('Authorization', `Bearer ${options.accessToken}`);
            }
            return next;
        },
    };
}
