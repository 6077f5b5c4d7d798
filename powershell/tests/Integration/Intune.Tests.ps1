# The Intune Win32-app scripts as Intune runs them: each one a child PowerShell process, judged by
# its exit code and stdout only. The package is built by New-OrcIntunePackage.ps1 from this checkout,
# installed into a temporary module root and state root, and synced to the cron backend writing a
# crontab file (ORC_CRON_TARGET), with the real orc-exec (ORC_EXEC_PATH, inherited by the children).
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $script:intune = Join-Path $script:RepoRoot 'scripts/intune'
    # This host's own executable: the process path can be the dotnet muxer that hosts pwsh.
    $script:pwsh = @('pwsh', 'pwsh.exe') | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1
    if (-not $script:pwsh) { $script:pwsh = (Get-Process -Id $PID).Path }
    # The packager ships bin/<runtime>; the one the suite built is where ORC_EXEC_PATH points.
    $script:runtime = Split-Path -Leaf (Split-Path -Parent $env:ORC_EXEC_PATH)

    function Invoke-Child {
        # Runs a script as Intune does: its own process; only exit code and stdout count.
        param([string] $Script, [string[]] $Arguments = @())
        $stdout = @(& $script:pwsh -NoProfile -NonInteractive -File $Script @Arguments 2>$null)
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Stdout = $stdout }
    }
    function New-Definition([string] $Name, [string] $Cron = '0 3 * * *') {
        '{"name":"' + $Name + '","schedule":{"cron":"' + $Cron + '"},"action":{"command":"/bin/true"}}'
    }
    function New-Package([string] $Release = 'r1', [hashtable] $Definitions = @{ 'intune-a' = (New-Definition 'intune-a'); 'intune-b' = (New-Definition 'intune-b' '15 * * * *') }, [string] $Root = $script:root) {
        $source = Join-Path $Root ('src-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $source
        foreach ($name in $Definitions.Keys) { [System.IO.File]::WriteAllText((Join-Path $source "$name.json"), $Definitions[$name]) }
        $package = Join-Path $Root ('package-' + [guid]::NewGuid().ToString('N'))
        $null = & (Join-Path $script:intune 'New-OrcIntunePackage.ps1') -TasksPath $source -OutputPath $package -Release $Release -Runtime $script:runtime
        $package
    }
    function Invoke-Install([string] $Package, [switch] $Prune) {
        $arguments = @('-ModuleRoot', $script:moduleRoot, '-StateRoot', $script:stateRoot)
        if ($Prune) { $arguments += '-Prune' }
        Invoke-Child -Script (Join-Path $Package 'Install.ps1') -Arguments $arguments
    }
    function Invoke-Detect([string] $Package, [string[]] $Extra = @()) {
        Invoke-Child -Script (Join-Path $Package 'Detect.ps1') -Arguments (@('-ModuleRoot', $script:moduleRoot, '-StateRoot', $script:stateRoot) + $Extra)
    }
    function Get-CronText {
        if (-not (Test-Path $env:ORC_CRON_TARGET)) { return '' }
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
    }
    function Get-RelaunchFunction([string] $Path) {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$null, [ref]$null)
        $found = $ast.Find({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $node.Name -eq 'Get-OrcRelaunchCommand' }, $false)
        $found.Extent.Text
    }
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Intune Win32-app scripts' -Tag 'NotOnWine.CronBackend' {
    BeforeAll {
        # Installing only reads the package: one package serves every test that needs the default.
        $script:packages = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-intune-pkg-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:packages
        $script:package = New-Package -Root $script:packages
    }
    AfterAll {
        Remove-Item -Recurse -Force $script:packages -ErrorAction SilentlyContinue
    }
    BeforeEach {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-intune-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'store'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
        $script:moduleRoot = Join-Path $script:root 'Modules'
        $script:stateRoot = Join-Path $script:root 'ProgramData/Orchestrator/Intune'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:moduleRoot -Force
    }
    AfterEach {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    Context 'Detect.ps1, when the machine is compliant' {
        It 'exits 0 and writes exactly one line' {
            $package = $script:package
            (Invoke-Install $package).ExitCode | Should -Be 0
            $detected = Invoke-Detect $package
            $detected.ExitCode | Should -Be 0
            $detected.Stdout.Count | Should -Be 1
            $detected.Stdout[0] | Should -BeExactly 'Orchestrator: 2 task(s) compliant, release r1'
            # Intune runs the package's own copy without arguments: its release is built in.
            [System.IO.File]::ReadAllText((Join-Path $package 'Detect.ps1')) | Should -Match ([regex]::Escape("[string] `$Release = 'r1'"))
        }
    }

    Context 'Detect.ps1, when the machine is not compliant' {
        It 'exits 1 and writes nothing when <Case>' -ForEach @(
            @{ Case = 'nothing was installed'; Install = $false; Prune = $false; Break = {}; Extra = @() }
            @{ Case = 'the module is missing'; Install = $true; Prune = $false; Break = { Remove-Item -Recurse -Force (Join-Path $script:moduleRoot 'Orchestrator') }; Extra = @() }
            @{ Case = 'a deployed task was unregistered'; Install = $true; Prune = $false; Break = { Unregister-OrcTask -Name intune-b -Force }; Extra = @() }
            @{ Case = 'a registration was edited by hand'; Install = $true; Prune = $false; Break = { [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, (Get-CronText).Replace('0 3 * * *', '0 4 * * *')) }; Extra = @() }
            @{ Case = 'the deployment is of another release'; Install = $true; Prune = $false; Break = {}; Extra = @('-Release', 'r2') }
            @{ Case = 'a task of ours was added beside a pruning deployment'; Install = $true; Prune = $true; Break = { Register-OrcTask -Name intune-extra -Command /bin/true -Cron '0 5 * * *' -WarningAction SilentlyContinue }; Extra = @() }
        ) {
            $package = $script:package
            if ($Install) { (Invoke-Install $package -Prune:$Prune).ExitCode | Should -Be 0 }
            if ($Case -eq 'a registration was edited by hand') { Get-CronText | Should -Match ([regex]::Escape('0 3 * * *')) }
            & $Break
            $detected = Invoke-Detect $package $Extra
            $detected.ExitCode | Should -Be 1
            $detected.Stdout | Should -BeNullOrEmpty
        }
    }

    Context 'Install.ps1' {
        It 'installs the module as Modules/Orchestrator/(version), syncs, logs under the state root, and a second run writes nothing' {
            $package = $script:package
            (Invoke-Install $package).ExitCode | Should -Be 0
            $version = (Import-PowerShellDataFile (Join-Path $script:RepoRoot 'Orchestrator.psd1')).ModuleVersion
            Join-Path $script:moduleRoot "Orchestrator/$version/Orchestrator.psd1" | Should -Exist
            Join-Path $script:moduleRoot "OrchestratorDsc/0.1.0/OrchestratorDsc.psd1" | Should -Exist
            @(Get-OrcTask | Where-Object Name -like 'intune-*').Name | Sort-Object | Should -Be @('intune-a', 'intune-b')
            $cron = Get-CronText
            (Invoke-Install $package).ExitCode | Should -Be 0
            Get-CronText | Should -BeExactly $cron
            $log = [System.IO.File]::ReadAllText((Join-Path $script:stateRoot 'Logs/install.log'))
            $log | Should -Match 'Added\s+intune-a'
            $log | Should -Match 'Unchanged\s+intune-a'
            @(Get-ChildItem -Path $script:moduleRoot, $script:stateRoot -Recurse -Directory | Where-Object Name -match '\.(new|old)-[0-9a-f]{32}$') | Should -BeNullOrEmpty
        }

        It 'exits 1 and logs the reason when a definition is refused, after syncing the others' {
            $package = New-Package -Definitions @{ 'intune-a' = (New-Definition 'intune-a'); 'intune-bad' = '{"name":"intune-bad","schedule":{"cron":"61 * * * *"},"action":{"command":"/bin/true"}}' }
            (Invoke-Install $package).ExitCode | Should -Be 1
            [System.IO.File]::ReadAllText((Join-Path $script:stateRoot 'Logs/install.log')) | Should -Match 'Failed\s+intune-bad'
            (Get-OrcTask -Name intune-a).Name | Should -Be 'intune-a'
            (Invoke-Detect $package).ExitCode | Should -Be 1
        }
    }

    Context 'Uninstall.ps1' {
        It 'removes the deployed tasks and modules, keeps other tasks, and Detect then says not installed' {
            $package = $script:package
            (Invoke-Install $package).ExitCode | Should -Be 0
            Register-OrcTask -Name other -Command /bin/true -Cron '0 6 * * *' -WarningAction SilentlyContinue
            $removed = Invoke-Child -Script (Join-Path $package 'Uninstall.ps1') -Arguments @('-StateRoot', $script:stateRoot)
            $removed.ExitCode | Should -Be 0
            @(Get-OrcTask).Name | Should -Be @('other')
            Get-ChildItem -Path (Join-Path $script:moduleRoot 'Orchestrator') | Should -BeNullOrEmpty
            Join-Path $script:stateRoot 'deployment.json' | Should -Not -Exist
            Join-Path $script:stateRoot 'Logs/uninstall.log' | Should -Exist
            (Invoke-Detect $package).ExitCode | Should -Be 1
            (Invoke-Child -Script (Join-Path $package 'Uninstall.ps1') -Arguments @('-StateRoot', $script:stateRoot)).ExitCode | Should -Be 0 -Because 'a second uninstall has nothing to do'
        }
    }
}

Describe 'The 32-bit to 64-bit re-launch of the Intune scripts' {
    BeforeAll {
        . ([scriptblock]::Create((Get-RelaunchFunction (Join-Path $script:intune 'Detect.ps1'))))
    }

    It 'is the same function in <Script>' -ForEach @(@{ Script = 'Install.ps1' }, @{ Script = 'Uninstall.ps1' }) {
        # Detect.ps1 is uploaded alone, so each script carries its own copy; they must not drift.
        Get-RelaunchFunction (Join-Path $script:intune $Script) | Should -BeExactly (Get-RelaunchFunction (Join-Path $script:intune 'Detect.ps1'))
    }

    It 'decides <Expected> for a <Os>-bit OS, a <Process>-bit process<Note>' -ForEach @(
        @{ Os = 64; Process = 32; Relaunched = $false; Windir = 'C:\Windows'; Expected = 'sysnative'; Note = '' }
        @{ Os = 64; Process = 32; Relaunched = $false; Windir = 'C:\Windows\'; Expected = 'sysnative'; Note = ', windir with a trailing backslash' }
        @{ Os = 64; Process = 64; Relaunched = $false; Windir = 'C:\Windows'; Expected = 'none'; Note = '' }
        @{ Os = 32; Process = 32; Relaunched = $false; Windir = 'C:\Windows'; Expected = 'none'; Note = ' (no sysnative on 32-bit Windows)' }
        @{ Os = 64; Process = 32; Relaunched = $true; Windir = 'C:\Windows'; Expected = 'none'; Note = ', already re-launched (no loop)' }
        @{ Os = 64; Process = 32; Relaunched = $false; Windir = ''; Expected = 'none'; Note = ', no windir (not Windows)' }
    ) {
        $command = Get-OrcRelaunchCommand -Is64BitOperatingSystem ($Os -eq 64) -Is64BitProcess ($Process -eq 64) -WindowsDirectory $Windir -ScriptPath 'C:\pkg\Detect.ps1' -Relaunched $Relaunched
        if ($Expected -eq 'none') {
            $command | Should -BeNullOrEmpty
        }
        else {
            $command.FilePath | Should -BeExactly 'C:\Windows\sysnative\WindowsPowerShell\v1.0\powershell.exe'
        }
    }

    It 'forwards the bound parameters (switches as flags, values as text) and adds -Relaunched' {
        $bound = @{ StateRoot = 'D:\State Root'; Prune = [switch]$true; Quiet = [switch]$false; Relaunched = [switch]$false }
        $command = Get-OrcRelaunchCommand -Is64BitOperatingSystem $true -Is64BitProcess $false -WindowsDirectory 'C:\Windows' -ScriptPath 'C:\pkg\Install.ps1' -BoundParameters $bound -Relaunched $false
        $command.ArgumentList | Should -Be @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', 'C:\pkg\Install.ps1', '-Prune', '-StateRoot', 'D:\State Root', '-Relaunched')
    }
}
