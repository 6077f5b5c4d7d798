# Windows PowerShell 5.1 compatibility of everything that runs there: the module, scripts/ and
# build.ps1. 5.1 is not on this machine, so Find-Pwsh7Construct checks statically; its own specs
# below prove it on one seed file per PowerShell 7-only construct (Pwsh7Seeds/) and on a clean
# 5.1 script (Pwsh51Clean.ps1). Test files are not in scope: Pester runs them on PowerShell 7 only
# (Linux and the Windows pwsh host).
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
    $module = Join-Path $root 'powershell'
    $script:files = @(
        Get-Item -Path (Join-Path $root 'Orchestrator.psd1'), (Join-Path $root 'build.ps1')
        Get-ChildItem -Path $module -Filter *.psm1 -File
        Get-ChildItem -Path (Join-Path $module 'Public'), (Join-Path $module 'Private') -Filter *.ps1 -File
        Get-ChildItem -Path (Join-Path $root 'scripts') -Include *.ps1, *.psm1, *.psd1 -Recurse -File
        Get-Item -Path (Join-Path $PSScriptRoot 'Find-Pwsh7Construct.ps1')
    ) | ForEach-Object {
        $relative = $_.FullName.Substring($root.Length + 1) -replace '\\', '/'
        @{
            Path     = $_.FullName
            Relative = $relative
            # Orchestrator.psm1 sets strict mode for every function it loads.
            Strict   = $relative -match '^powershell/(Public|Private)/'
            # Findings pinned as 'line:construct' while their fix waits, so that a fix (or a new
            # finding) fails here and the list is updated. None today.
            Known    = @()
        }
    }
    $script:seeds = Get-ChildItem -Path (Join-Path $PSScriptRoot 'Pwsh7Seeds') -Filter *.ps1 | ForEach-Object {
        $header = Get-Content -LiteralPath $_.FullName -TotalCount 3
        @{
            Name      = $_.BaseName
            Path      = $_.FullName
            Construct = $header[0] -replace '^# Construct: ', ''
            Kind      = $header[1] -replace '^# Kind: ', ''
            Line      = [int]($header[2] -replace '^# Line: ', '')
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Find-Pwsh7Construct.ps1')
}

Describe '<Relative> runs on Windows PowerShell 5.1' -ForEach $files {
    It 'parses' {
        $errors = $null
        [void][System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$null, [ref]$errors)
        $errors | Should -BeNullOrEmpty
    }

    It 'uses no PowerShell 7-only construct outside a recognised guard or a reasoned 5.1-fallback' {
        $findings = @(Find-Pwsh7Construct -Path $Path -StrictMode:$Strict)
        $unexpected = @($findings | Where-Object {
                $finding = $_
                -not @($Known | Where-Object { $finding.Line -eq [int]($_ -split ':')[0] -and $finding.Construct -like "$(($_ -split ':', 2)[1])*" })
            } | ForEach-Object { $_.ToString() })
        $unexpected | Should -BeNullOrEmpty -Because 'PowerShell 7-only code fails on Windows PowerShell 5.1 (see docs/development.md)'
        @($findings).Count | Should -Be @($Known).Count -Because 'a pinned finding that is gone must leave the list'
    }
}

Describe 'Find-Pwsh7Construct' {
    Context 'when a script uses a PowerShell 7-only construct' {
        It 'reports <Name> as "<Construct>" at its file and line' -ForEach $seeds {
            $findings = @(Find-Pwsh7Construct -Path $Path)
            $hit = @($findings | Where-Object { $_.Line -eq $Line -and $_.Construct.Contains($Construct) })
            $hit.Count | Should -Be 1 -Because ("found: {0}" -f (($findings | ForEach-Object { $_.ToString() }) -join '; '))
            $hit[0].ToString().StartsWith("$Path`:$Line`: $($hit[0].Construct)") | Should -BeTrue
        }
    }

    Context 'when the 7-only line is guarded or carries a reasoned 5.1-fallback comment' {
        BeforeAll {
            function script:Edit-SeedLine([string] $SeedPath, [int] $SeedLine, [scriptblock] $Edit) {
                $lines = @(Get-Content -LiteralPath $SeedPath)
                $lines[$SeedLine - 1] = & $Edit $lines[$SeedLine - 1]
                $lines -join "`n"
            }
        }

        # Wrapping a clean {} line in an if makes it a command call, and a marker seed has no construct.
        It 'accepts <Name> behind an edition check, and not its syntax-only kin' -ForEach @($seeds | Where-Object { $_.Kind -in 'api', 'syntax' }) {
            $text = Edit-SeedLine $Path $Line { param($l) "if (`$PSVersionTable.PSEdition -eq 'Core') { $l }" }
            $findings = @(Find-Pwsh7Construct -Text $text | Where-Object { $_.Construct.Contains($Construct) })
            if ($Kind -eq 'api') { $findings | Should -BeNullOrEmpty }
            else { $findings | Should -Not -BeNullOrEmpty -Because 'a guard does not make 5.1 parse 7-only syntax' }
        }

        It 'accepts <Name> with "# 5.1-fallback: " and a reason, and not its syntax-only kin' -ForEach @($seeds | Where-Object { $_.Kind -ne 'marker' }) {
            $text = Edit-SeedLine $Path $Line { param($l) "$l # 5.1-fallback: only reached on PowerShell 7" }
            $findings = @(Find-Pwsh7Construct -Text $text | Where-Object { $_.Construct.Contains($Construct) })
            if ($Kind -eq 'api') { $findings | Should -BeNullOrEmpty }
            else { $findings | Should -Not -BeNullOrEmpty -Because 'a comment does not make 5.1 parse 7-only syntax' }
        }

        It 'accepts a 7-only parameter behind a probe of that parameter' {
            $text = "if ((Get-Command ConvertFrom-Json).Parameters.ContainsKey('AsHashtable')) {`n    `$h = ConvertFrom-Json -InputObject `$j -AsHashtable`n}"
            @(Find-Pwsh7Construct -Text $text) | Should -BeNullOrEmpty
        }

        It 'accepts $IsWindows after an early return on Windows PowerShell' {
            $text = "Set-StrictMode -Version Latest`nfunction f {`n    if (`$PSVersionTable.PSEdition -ne 'Core') { return `$true }`n    [bool]`$IsWindows`n}"
            @(Find-Pwsh7Construct -Text $text) | Should -BeNullOrEmpty
        }

        It 'reports $IsWindows read before the edition check under strict mode' {
            $text = "Set-StrictMode -Version Latest`n`$w = `$IsWindows -or `$PSVersionTable.PSEdition -eq 'Desktop'"
            @(Find-Pwsh7Construct -Text $text).Line | Should -Be 2
        }
    }

    Context 'when its tables are compared with the PowerShell 7 that runs here' {
        # Every table entry is flagged when used, and names something PowerShell 7 really has:
        # a typo in a table would otherwise silently check nothing.
        BeforeDiscovery {
            . (Join-Path $PSScriptRoot 'Find-Pwsh7Construct.ps1')
            $script:parameterRows = foreach ($command in $Pwsh7Parameters.Keys) {
                foreach ($parameter in $Pwsh7Parameters[$command]) { @{ Command = $command; Parameter = $parameter } }
            }
            $script:memberRows = foreach ($type in $Pwsh7Members.Keys) {
                foreach ($entry in $Pwsh7Members[$type]) {
                    # 'Member/N' names an argument count; strict mode (build.ps1 runs Pester under it) forbids [1] of one part.
                    $parts = @($entry -split '/')
                    @{ Type = "System.$type"; Member = $parts[0]; Arguments = $(if ($parts.Count -gt 1) { $parts[1] } else { $null }) }
                }
            }
        }

        It 'flags <Command> -<Parameter>, which PowerShell 7 has' -ForEach $parameterRows {
            @(Find-Pwsh7Construct -Text "$Command -$Parameter x").Count | Should -BeGreaterThan 0
            $cmdlet = Get-Command -Name $Command -CommandType Cmdlet -ErrorAction SilentlyContinue
            if ($cmdlet) { $cmdlet.Parameters.Keys | Should -Contain $Parameter }
        }

        It 'flags [<Type>]::<Member>, which .NET here has' -ForEach $memberRows {
            $call = '[{0}]::{1}({2})' -f $Type, $Member, ((@(1..([int]("0$Arguments"))) | Where-Object { $_ -gt 0 } | ForEach-Object { '$a' }) -join ', ')
            @(Find-Pwsh7Construct -Text $call).Count | Should -BeGreaterThan 0
            @(($Type -as [type]).GetMember($Member)).Count | Should -BeGreaterThan 0
        }
    }

    Context 'when a script is Windows PowerShell 5.1 code' {
        It 'reports nothing in Pwsh51Clean.ps1' {
            @(Find-Pwsh7Construct -Path (Join-Path $PSScriptRoot 'Pwsh51Clean.ps1') | ForEach-Object { $_.ToString() }) | Should -BeNullOrEmpty
        }

        It 'does not mistake the 5.1 parameter <Snippet> for a 7-only one it abbreviates' -TestCases @(
            @{ Snippet = 'Split-Path -Path $p -Leaf' }
            @{ Snippet = 'Get-Date -UFormat %s' }
            @{ Snippet = 'ConvertTo-Json -InputObject $o -Depth 4' }
            @{ Snippet = 'Join-Path -Path a -ChildPath b -Resolve' }
            @{ Snippet = 'Sort-Object -Property Name -Descending' }
        ) {
            @(Find-Pwsh7Construct -Text $Snippet) | Should -BeNullOrEmpty
        }
    }
}
