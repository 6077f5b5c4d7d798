# Drives the real orc-exec binary (built by build.ps1, path in ORC_EXEC_PATH)
# in an isolated store, the way the module's cmdlets will.
BeforeAll {
    $script:Exe = $env:ORC_EXEC_PATH
    if (-not $Exe -or -not (Test-Path $Exe)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$Exe')" }

    function script:New-Store {
        $h = Join-Path ([System.IO.Path]::GetTempPath()) ("orc-pester-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path (Join-Path $h 'tasks') -Force | Out-Null
        if (-not $IsWindows) { & chmod 700 $h (Join-Path $h 'tasks') }
        return $h
    }

    function script:Set-Definition([string] $StoreHome, [hashtable] $Definition) {
        $path = Join-Path $StoreHome "tasks/$($Definition.name).json"
        $Definition | ConvertTo-Json -Depth 10 | Set-Content -Path $path -Encoding utf8
        if (-not $IsWindows) { & chmod 600 $path }
    }

    # Wine resolves no program by bare name on PATH, so Windows uses cmd.exe by full path.
    $script:OnWindows = $IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop'
    function script:New-ShellAction([string] $Script) {
        if ($OnWindows) { return @{ command = (Join-Path $env:SystemRoot 'System32\cmd.exe'); arguments = @('/c', $Script) } }
        return @{ command = 'sh'; arguments = @('-c', $Script) }
    }

    function script:Invoke-Orc([string[]] $Arguments) {
        $out = & $Exe @Arguments 2>$null
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = @($out) }
    }
}

Describe 'orc-exec (real binary)' {
    BeforeEach {
        $script:StoreHome = New-Store
    }
    AfterEach {
        Remove-Item -Recurse -Force $StoreHome -ErrorAction SilentlyContinue
    }

    It 'reports its version as JSON' {
        $r = Invoke-Orc @('version', '--output', 'json')
        $r.ExitCode | Should -Be 0
        ($r.Lines[0] | ConvertFrom-Json).schema | Should -Be 'orc.version/v1'
    }

    It 'runs a task and prints one orc.result/v1 line with status SUCCESS' {
        Set-Definition $StoreHome @{ name = 'hello'; action = (New-ShellAction 'echo hello from pester') }
        $r = Invoke-Orc @('run', 'hello', '--home', $StoreHome, '--output', 'json')
        $r.ExitCode | Should -Be 0
        $r.Lines.Count | Should -Be 1
        $rec = $r.Lines[0] | ConvertFrom-Json
        $rec.schema | Should -Be 'orc.result/v1'
        $rec.status | Should -Be 'SUCCESS'
        $rec.outputTail | Should -Match 'hello from pester'
    }

    It 'exits 1 with status FAILED after every retry is spent' {
        Set-Definition $StoreHome @{ name = 'flaky'; action = (New-ShellAction 'exit 4'); retry = @{ attempts = 3; delay = '10ms' } }
        $r = Invoke-Orc @('run', 'flaky', '--home', $StoreHome, '--output', 'json')
        $r.ExitCode | Should -Be 1
        $rec = $r.Lines[0] | ConvertFrom-Json
        $rec.status | Should -Be 'FAILED'
        $rec.attempts.Count | Should -Be 3
        $rec.exitCode | Should -Be 4
    }

    It 'refuses an invalid definition with exit code 3 and names the field' {
        Set-Definition $StoreHome @{ name = 'typo'; action = @{ command = 'true' }; timout = '5m' }
        $err = & $Exe run typo --home $StoreHome 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 3
        $err | Should -Match 'timout'
        $err | Should -Match 'fix:'
    }

    It 'lists tasks with their last result' {
        Set-Definition $StoreHome @{ name = 'hello'; action = (New-ShellAction 'exit 0') }
        $null = Invoke-Orc @('run', 'hello', '--home', $StoreHome)
        $r = Invoke-Orc @('list', '--home', $StoreHome, '--output', 'json')
        $r.ExitCode | Should -Be 0
        $t = $r.Lines[0] | ConvertFrom-Json
        $t.name | Should -Be 'hello'
        $t.lastResult.status | Should -Be 'SUCCESS'
    }
}

# The module's one process boundary with the real binary: on Windows, PowerShell builds a single
# command line from the arguments (quoting rules differ from Unix argv) and pipes stdin through
# the console code page unless told otherwise.
Describe 'Invoke-OrcExec with the real orc-exec' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
        Import-OrcTestModule
    }
    AfterAll {
        Remove-OrcTestModule
    }
    BeforeEach {
        # A space and non-ASCII in the store path. Non-ASCII is built from code points: this file
        # has no BOM, and Windows PowerShell 5.1 would read it in the ANSI code page.
        $script:Check = [string][char]0x2713
        $script:Accented = -join [char[]](0xFC, 0x6E, 0xEF, 0x63, 0xF6, 0x64, 0xE9)
        $script:StoreHome = Join-Path ([System.IO.Path]::GetTempPath()) ("orc pester $Check " + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path (Join-Path $StoreHome 'tasks') -Force | Out-Null
        if (-not $OnWindows) { & chmod 700 $StoreHome (Join-Path $StoreHome 'tasks') }
    }
    AfterEach {
        Remove-Item -Recurse -Force -LiteralPath $StoreHome -ErrorAction SilentlyContinue
    }

    It 'passes a store path with spaces and non-ASCII, and stdin as UTF-8, byte for byte' {
        $description = "say `"hi`" $Check $Accented"
        $json = '{"name":"quoted","description":"say \"hi\" ' + $Check + ' ' + $Accented + '","action":{"command":"x","arguments":["a b","c\"d"]}}'
        $r = InModuleScope Orchestrator -Parameters @{ Json = $json; StoreHome = $StoreHome } {
            param($Json, $StoreHome)
            Invoke-OrcExec -ArgumentList @('define', '--file', '-') -InputObject $Json -StoreHome $StoreHome
        }
        $r.ExitCode | Should -Be 0 -Because $r.StdErr
        $exported = InModuleScope Orchestrator -Parameters @{ StoreHome = $StoreHome } {
            param($StoreHome)
            Invoke-OrcExec -ArgumentList @('define', 'quoted', '--export') -StoreHome $StoreHome
        }
        $exported.ExitCode | Should -Be 0 -Because $exported.StdErr
        $stored = $exported.Records[0].json | ConvertFrom-Json
        $stored.description | Should -BeExactly $description
        $stored.action.arguments | Should -Be @('a b', 'c"d')
    }
}
